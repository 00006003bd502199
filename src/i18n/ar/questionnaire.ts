/**
 * DRAFT translation (Modern Standard Arabic), written by the Peiling team from the Dutch
 * texts (the English used to check meaning). Not yet checked by a translator: have it
 * reviewed before it is treated as final. The reader is addressed in the plural of
 * respect (أنتم), which needs no guess at their gender; buttons are verbal nouns.
 */
import type { questionnaire as nl } from '#src/i18n/nl/questionnaire.ts'

export const questionnaire: typeof nl = {
  answers: {
    chooseGrade: 'اختاروا درجة من 1 إلى 10.',
    chooseOption: 'اختاروا إجابة من الإجابات.',
    chooseFromOptions: 'اختاروا فقط من الإجابات الموجودة.',
    tooManyTickedOne: 'اختاروا إجابة واحدة فقط.',
    tooManyTicked: 'اختاروا عددًا من الإجابات لا يزيد على {max}.',
    notANumber: 'اكتبوا رقمًا. استخدموا الأرقام فقط.',
    outOfRange: 'اكتبوا رقمًا من {min} إلى {max}.',
    notText: 'اكتبوا نصًا هنا.',
    tooLong: 'إجابتكم طويلة جدًا. الحد الأقصى لعدد الأحرف: {max}. عدد الأحرف الآن: {length}.',
    required: 'يُرجى الإجابة عن هذا السؤال.',
    rankRange: 'اكتب رقمًا من 1 إلى {max}.',
    repeatedRank: 'استخدمت الرقم {rank} أكثر من مرة. استخدم كل رقم مرة واحدة فقط.',
    rankGap: 'الرقم {rank} ناقص. ابدأ بالرقم 1 ولا تتخطَّ أي رقم.',
    amountRange: 'اكتب عددًا صحيحًا من 0 إلى {max}.',
    wrongSum: 'يجب أن يكون مجموع الأرقام {total}. المجموع الآن {sum}.',
  },
  labels: {
    yes: 'نعم',
    no: 'لا',
    gradeLowest: 'سيئ جدًا',
    gradeHighest: 'ممتاز',
  },
  codebook: {
    notTicked: 'غير مُعلَّم',
    ticked: 'مُعلَّم',
    notRanked: 'لم يُعطَ رقمًا',
    otherText: 'توضيح',
    routing: {
      and: 'و',
      or: 'أو',
      not: 'ليس',
      answered: 'تمت الإجابة',
      stratum: 'الطبقة',
    },
  },
}
