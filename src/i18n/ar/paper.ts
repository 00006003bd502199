/**
 * DRAFT translation (Modern Standard Arabic), written by the Peiling team from the Dutch
 * texts (the English used to check meaning). Not yet checked by a translator: have it
 * reviewed before it is treated as final. The reader is addressed in the plural of
 * respect (أنتم), which needs no guess at their gender; buttons are verbal nouns.
 */
import type { paper as nl } from '#src/i18n/nl/paper.ts'

// On a right-to-left page the next page lies to the left: the arrow of `turnOver` points
// that way. The routing phrases are clauses that follow `onlyIf`'s "إذا".
export const paper: typeof nl = {
  howTo: 'كيف تعبئون الاستبيان',
  howToSteps: `ضعوا علامة (X) في مربع الإجابة التي تناسبكم.
اختاروا إجابة واحدة، إلا إذا كان مكتوبًا أنه يمكنكم اختيار أكثر من إجابة.
وضعتم علامة في المربع الخطأ؟ اجعلوا هذا المربع أسود بالكامل. ثم ضعوا علامة في المربع الصحيح.
أحيانًا يمكنكم تخطي سؤال. عندها يكون مكتوبًا عند الإجابة إلى أي سؤال تنتقلون.
انتهيتم؟ أعيدوا الاستبيان في مغلف الرد. لا حاجة إلى طابع بريدي.`,
  code: 'الرمز',
  page: 'الصفحة {x} من {y}',
  turnOver: 'تابعوا في الصفحة التالية ◄',
  end: 'نهاية الاستبيان',
  blank: 'هذه الصفحة فارغة.',
  returnBy: 'أعيدوا الاستبيان في ظرف الرد في موعد أقصاه {date}.',
  returnAny: 'أعيدوا الاستبيان في ظرف الرد.',
  noStamp: 'لا حاجة إلى طابع بريدي.',
  replyAddress: 'ليس لديكم ظرف الرد؟ اكتبوا إذن هذا العنوان على ظرف:',
  multiple: 'يمكنكم اختيار أكثر من إجابة.',
  multipleMax: 'الحد الأقصى لعدد الإجابات التي يمكنكم اختيارها: {max}.',
  gridHint: 'ضعوا علامة واحدة في كل سطر.',
  gradeHint: '1 = سيئ جدًا، 10 = ممتاز',
  numberHint: 'اكتبوا رقمًا من {min} إلى {max}.',
  rankingHint:
    'اكتبوا 1 بجانب ما يأتي أولًا بالنسبة لكم، و2 بجانب ما يأتي بعده، وهكذا حتى {max}. استخدموا كل رقم مرة واحدة فقط.',
  constantSumHint: 'وزّعوا {total} على هذه البنود. اكتبوا رقمًا بجانب كل بند. يجب أن يكون المجموع {total} بالضبط.',
  sumTotal: 'المجموع',
  onlyIf: 'أجيبوا عن هذا السؤال فقط إذا {condition}.',
  goTo: 'انتقلوا إلى السؤال {number}',
  goToEnd: 'انتقلوا إلى نهاية الاستبيان',
  routing: {
    chose: 'اخترتم {labels} في السؤال {number}',
    choseOther: 'اخترتم في السؤال {number} إجابة غير {labels}',
    didNotChoose: 'لم تختاروا {labels} في السؤال {number}',
    ticked: 'وضعتم علامة عند {labels} في السؤال {number}',
    notTicked: 'لم تضعوا علامة عند {labels} في السؤال {number}',
    answered: 'أجبتم عن السؤال {number}',
    notAnswered: 'لم تجيبوا عن السؤال {number}',
    livesIn: 'كنتم تسكنون في {places}',
    notLivesIn: 'كنتم لا تسكنون في {places}',
    and: 'و',
    or: 'أو',
    not: 'لم ينطبق ما يلي: {condition}',
  },
}
