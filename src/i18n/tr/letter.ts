/**
 * DRAFT translation (Turkish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final.
 */
import type { letter as nl } from '#src/i18n/nl/letter.ts'

export const letter: typeof nl = {
  invitation: {
    subject: 'Çalışma ve Gelir Birimi hakkında ne düşünüyorsunuz?',
    body: `Sayın {naam},

{gemeente} Belediyesi Çalışma ve Gelir Birimi (Werk en Inkomen) hakkında ne düşündüğünüzü öğrenmek istiyoruz. Bu yüzden sizden bir anket doldurmanızı rica ediyoruz. Görüşünüz, işimizi daha iyi yapmamıza yardımcı olur.

Anketi doldurmak yaklaşık 15 dakika sürer. Nasıl katılacağınızı kendiniz seçersiniz:
- İnternette: {url} adresine gidin ve giriş kodunuzu yazın: {code}. Ya da sağ üstteki QR kodunu telefonunuzla tarayın.
- Kâğıt üzerinde: bu mektupla gelen anketi doldurun. Anketi cevap zarfıyla geri gönderin. Pul gerekmez.

Ankete {sluitingsdatum} tarihine kadar (bu tarih dahil) katılabilirsiniz.

Cevaplarınız anonimdir. Ne yazdığınızı bilmiyoruz. Katılmak isteğe bağlıdır. Cevaplarınız sosyal yardım ödemenizi etkilemez.

Yardımınız için şimdiden çok teşekkür ederiz!

Saygılarımızla,`,
  },
  reminder: {
    subject: 'Hatırlatma: Çalışma ve Gelir Birimi hakkında ne düşünüyorsunuz?',
    body: `Sayın {naam},

Birkaç hafta önce size bir mektup gönderdik. Sizden {gemeente} Belediyesi Çalışma ve Gelir Birimi (Werk en Inkomen) hakkında bir anket doldurmanızı istedik.

Anketi zaten doldurdunuz mu? Teşekkür ederiz! O zaman başka bir şey yapmanız gerekmez. Bu mektubu atabilirsiniz.

Henüz doldurmadınız mı? O zaman lütfen yine de katılın. Sizin görüşünüz de önemlidir. Anketi doldurmak yaklaşık 15 dakika sürer. Giriş kodunuz ilk mektuptaki kodla aynıdır.
- İnternette: {url} adresine gidin ve giriş kodunuzu yazın: {code}. Ya da sağ üstteki QR kodunu telefonunuzla tarayın.
- Kâğıt üzerinde: ilk mektuptaki anketi ve cevap zarfını kullanın. Pul gerekmez.

Ankete {sluitingsdatum} tarihine kadar (bu tarih dahil) katılabilirsiniz.

Cevaplarınız anonimdir. Ne yazdığınızı bilmiyoruz. Katılmak isteğe bağlıdır. Cevaplarınız sosyal yardım ödemenizi etkilemez.

Saygılarımızla,`,
  },
  box: {
    date: 'Tarih',
    reference: 'Referansımız',
    online: 'Anketi internette doldurun:',
    code: 'Giriş kodunuz:',
    scan: 'Ya da bu QR kodunu telefonunuzun kamerasıyla tarayın. O zaman kod yazmanız gerekmez.',
  },
  contact: {
    heading: 'Sorunuz mu var?',
    phone: 'Arayın: {phone}',
    email: 'E-posta: {email}',
  },
  privacy: 'Verilerinizi nasıl kullandığımızı şu adreste okuyabilirsiniz: {url}',
  placeholders: {
    organisation: 'Belediye',
    department: 'Çalışma ve Gelir Birimi',
    signatureName: 'Çalışma ve Gelir Birimi',
    signatureRole: 'Belediye',
    municipality: '{name} Belediyesi',
  },
}
