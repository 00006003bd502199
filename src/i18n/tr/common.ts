/**
 * DRAFT translation (Turkish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final.
 */
import type { common as nl } from '#src/i18n/nl/common.ts'

export const common: typeof nl = {
  appName: 'Peiling',
  switchLanguage: 'Dil',
  skipToContent: 'İçeriğe geç',
  contact: {
    title: 'Sorularınız mı var? {name} ile iletişime geçin.',
    phone: 'Arayın:',
    email: 'E-posta:',
  },
  footer: {
    privacy: 'Gizlilik',
    accessibility: 'Erişilebilirlik',
  },
  errors: {
    title: 'Bir sorun oluştu',
    notFound: 'Bu sayfa yok.',
    badRequest: 'Bu istek doğru değil. Geri gidin ve tekrar deneyin.',
    csrf: 'Formun süresi doldu. Geri gidin, sayfayı yeniden yükleyin ve tekrar deneyin.',
    tooLarge: 'Gönderdiğiniz şey çok büyük.',
    server: 'Bizde bir sorun oluştu. Önceki cevaplarınız kaydedildi. Birkaç dakika sonra tekrar deneyin.',
    unavailable: 'Şu anda çok yoğunluk var veya veritabanına şu an ulaşılamıyor. Birkaç dakika sonra tekrar deneyin.',
    backHome: 'Başlangıç sayfasına git',
  },
}
