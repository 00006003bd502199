/**
 * DRAFT translation (Turkish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final.
 */
import type { paper as nl } from '#src/i18n/nl/paper.ts'

// The routing phrases are conditional clauses ("… seçtiyseniz") that `onlyIf` puts before
// its verb; joined with "ve"/"veya" they still read as one Turkish sentence.
export const paper: typeof nl = {
  howTo: 'Anketi nasıl doldurursunuz',
  howToSteps: `Size uyan cevabın kutusuna bir çarpı (X) koyun.
Tek bir cevap seçin. Birden fazla cevap seçebileceğiniz yazıyorsa, birden fazla seçebilirsiniz.
Yanlış kutuyu mu işaretlediniz? O zaman o kutuyu tamamen karalayın. Sonra doğru kutuya bir çarpı koyun.
Bazen bir soruyu atlayabilirsiniz. O zaman cevabın yanında hangi soruya gideceğiniz yazar.
Bitirdiniz mi? Anketi cevap zarfıyla geri gönderin. Pul gerekmez.`,
  code: 'Kod',
  page: 'Sayfa {x} / {y}',
  turnOver: 'Sonraki sayfada devam edin ►',
  end: 'Anketin sonu',
  blank: 'Bu sayfa boştur.',
  returnBy: 'Anketi en geç {date} tarihine kadar cevap zarfıyla geri gönderin.',
  returnAny: 'Anketi cevap zarfıyla geri gönderin.',
  noStamp: 'Pul yapıştırmanıza gerek yoktur.',
  replyAddress: 'Cevap zarfınız yok mu? O zaman bu adresi bir zarfın üzerine yazın:',
  multiple: 'Birden fazla cevap seçebilirsiniz.',
  multipleMax: 'En fazla {max} cevap seçebilirsiniz.',
  gridHint: 'Her satıra bir çarpı koyun.',
  gradeHint: '1 = çok kötü, 10 = mükemmel',
  numberHint: '{min} ile {max} arasında bir sayı yazın.',
  rankingHint:
    'Sizin için ilk sırada olanın yanına 1, ondan sonra gelenin yanına 2 yazın, {max} numarasına kadar böyle devam edin. Her numarayı sadece bir kez kullanın.',
  constantSumHint:
    '{total} sayısını bu maddelere dağıtın. Her maddenin yanına bir sayı yazın. Toplam tam olarak {total} olmalı.',
  sumTotal: 'Toplam',
  onlyIf: 'Bu soruyu sadece {condition} cevaplayın.',
  goTo: '{number}. soruya geçin',
  goToEnd: 'Anketin sonuna geçin',
  routing: {
    chose: '{number}. soruda {labels} seçtiyseniz',
    choseOther: '{number}. soruda {labels} dışında bir cevap seçtiyseniz',
    didNotChoose: '{number}. soruda {labels} seçmediyseniz',
    ticked: '{number}. soruda {labels} işaretlediyseniz',
    notTicked: '{number}. soruda {labels} işaretlemediyseniz',
    answered: '{number}. soruyu cevapladıysanız',
    notAnswered: '{number}. soruyu cevaplamadıysanız',
    livesIn: '{places} belediyesinde oturuyorsanız',
    notLivesIn: '{places} belediyesinde oturmuyorsanız',
    and: 've',
    or: 'veya',
    not: 'şu durum geçerli değilse: {condition}',
  },
}
