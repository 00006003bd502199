/**
 * DRAFT translation (Turkish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final.
 */
import type { questionnaire as nl } from '#src/i18n/nl/questionnaire.ts'

export const questionnaire: typeof nl = {
  answers: {
    chooseGrade: '1 ile 10 arasında bir not seçin.',
    chooseOption: 'Cevaplardan birini seçin.',
    chooseFromOptions: 'Sadece verilen cevaplardan seçin.',
    tooManyTickedOne: '1 cevap seçin.',
    tooManyTicked: 'En fazla {max} cevap seçin.',
    notANumber: 'Bir sayı yazın. Sadece rakam kullanın.',
    outOfRange: '{min} ile {max} arasında bir sayı yazın.',
    notText: 'Buraya metin yazın.',
    tooLong: 'Cevabınız çok uzun. En fazla {max} karakter yazabilirsiniz. Şu anda {length} karakter var.',
    required: 'Bu soruyu cevaplayın.',
  },
  labels: {
    yes: 'Evet',
    no: 'Hayır',
    gradeLowest: 'çok kötü',
    gradeHighest: 'mükemmel',
  },
  codebook: {
    notTicked: 'işaretlenmedi',
    ticked: 'işaretlendi',
    otherText: 'açıklama',
    routing: {
      and: 've',
      or: 'veya',
      not: 'değil',
      answered: 'cevaplandı',
      stratum: 'katman',
    },
  },
}
