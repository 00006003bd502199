/**
 * DRAFT translation (Turkish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final.
 */
import type { email as nl } from '#src/i18n/nl/email.ts'

export const email: typeof nl = {
  invitation: {
    subject: 'Çalışma ve Gelir Birimi hakkında ne düşünüyorsunuz?',
    body: `Sayın {naam},

{gemeente} Belediyesi Çalışma ve Gelir Birimi (Werk en Inkomen) hakkında ne düşündüğünüzü öğrenmek istiyoruz. Bunun için bir anket doldurur musunuz? Anket yaklaşık 15 dakika sürer.

Başlamak için bu bağlantıya tıklayın:

{link}

Bağlantı çalışmıyor mu? O zaman {url} adresine gidin ve giriş kodunuzu yazın: {code}

Size ayrıca kâğıt anketli bir mektup da gelecek. Sadece bir kez katılmanız yeterli: internette veya kâğıt üzerinde.

Ankete {sluitingsdatum} tarihine kadar (bu tarih dahil) katılabilirsiniz.

Cevaplarınız anonimdir. Ne yazdığınızı bilmiyoruz. Katılmak isteğe bağlıdır. Cevaplarınız sosyal yardım ödemenizi etkilemez.

Saygılarımızla,
{afzender}`,
  },
  reminder: {
    subject: 'Hatırlatma: Çalışma ve Gelir Birimi hakkında ne düşünüyorsunuz?',
    body: `Sayın {naam},

Kısa bir süre önce sizden bir anket doldurmanızı istedik. Anket, {gemeente} Belediyesi Çalışma ve Gelir Birimi (Werk en Inkomen) hakkındadır.

Ankete zaten katıldınız mı? O zaman bu e-postayı dikkate almayın. Çok teşekkür ederiz!

Henüz katılmadınız mı? O zaman lütfen şimdi katılın. Sizin görüşünüz de önemlidir. Başlamak için bu bağlantıya tıklayın:

{link}

Bağlantı çalışmıyor mu? O zaman {url} adresine gidin ve giriş kodunuzu yazın: {code}

Ankete {sluitingsdatum} tarihine kadar (bu tarih dahil) katılabilirsiniz.

Cevaplarınız anonimdir. Katılmak isteğe bağlıdır. Cevaplarınız sosyal yardım ödemenizi etkilemez.

Saygılarımızla,
{afzender}`,
  },
}
