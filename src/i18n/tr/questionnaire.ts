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
    rankRange: '1 ile {max} arasında bir numara yazın.',
    repeatedRank: '{rank} numarasını birden fazla kullandınız. Her numarayı sadece bir kez kullanın.',
    rankGap: '{rank} numarası eksik. 1 ile başlayın ve hiçbir numarayı atlamayın.',
    amountRange: '0 ile {max} arasında tam bir sayı yazın.',
    wrongSum: 'Sayıların toplamı {total} olmalı. Şu anda toplam {sum}.',
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
    notRanked: 'numara verilmedi',
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
