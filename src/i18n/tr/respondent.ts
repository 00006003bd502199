/**
 * DRAFT translation (Turkish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final.
 */
import type { respondent as nl } from '#src/i18n/nl/respondent.ts'

export const respondent: typeof nl = {
  login: {
    title: 'Hizmetlerimiz hakkında anket',
    intro: 'Hizmetlerimiz hakkında ne düşündüğünüzü bize söyler misiniz? Anketi doldurmak yaklaşık 15 dakika sürer.',
    anonymous:
      'Cevaplarınız anonimdir. Belediye ne yazdığınızı görmez. Cevaplarınız sosyal yardım ödemenizi etkilemez.',
    genuine:
      'Bu web sitesi gerçek mi? Tarayıcınızın üst kısmında {address} yazdığını kontrol edin. Bu adres mektubunuzda da yazıyor.',
    codeLabel: 'Giriş kodunuz',
    codeHint: 'Kodu mektupta bulabilirsiniz. Örneğin: K7QXM-4TR9C. Büyük harf ve çizgi yazmanız gerekmez.',
    submit: 'Anketi başlat',
    paperHint: 'Kâğıt anketi de doldurabilirsiniz. Onu cevap zarfıyla ücretsiz geri gönderebilirsiniz.',
  },
  codeErrors: {
    empty: 'Mektubunuzdaki giriş kodunu yazın.',
    length: 'Kodda 10 karakter vardır (harf ve rakam). Mektubunuzdaki kodu kontrol edin.',
    character:
      'Kodda sadece 2 ile 9 arasındaki rakamlar ve harfler vardır. O, I ve L harfleri kodda yoktur. Mektubunuzdaki kodu kontrol edin.',
    check: 'Bu kod doğru değil. Muhtemelen bir yazım hatası var. Mektubunuzdaki kodu kontrol edin.',
    unknown: 'Bu kodu tanımıyoruz. Mektubunuzdaki kodu kontrol edin.',
    tooMany: 'Çok fazla yanlış kod yazdınız. {minutes} dakika sonra tekrar deneyin.',
    tooManyOneMinute: 'Çok fazla yanlış kod yazdınız. 1 dakika sonra tekrar deneyin.',
  },
  round: {
    notOpenTitle: 'Anket henüz açık değil',
    notOpen: 'Anketi {opens} ile {closes} tarihleri arasında doldurabilirsiniz. Bu iki gün de dahildir.',
    closedTitle: 'Anket kapandı',
    closed: 'Anketi {closes} tarihine kadar (bu gün dahil) doldurabiliyordunuz. İlginiz için teşekkür ederiz.',
  },
  form: {
    progress: 'Bölüm {current} / {total}',
    previous: 'Önceki',
    next: 'Sonraki',
    toReview: 'Özete git',
    resumeHint:
      'Şimdi durup daha sonra devam edebilirsiniz. Bunun için aynı kodla yeniden giriş yapın. Başka bir telefon veya bilgisayarda da olabilir.',
    errorSummary: 'Bir şey doğru doldurulmadı:',
    gridPart: 'Bu soru {total} sayfada. Bu, {current}. sayfa.',
    aboutQuestionnaire: 'Bu anket hakkında',
    gradeLow: 'çok kötü',
    gradeHigh: 'mükemmel',
    yes: 'Evet',
    no: 'Hayır',
    otherSpecify: 'Lütfen yazın:',
    chooseAtMost: 'En fazla {max} tane seçin.',
    chooseAny: 'Birden fazla cevap seçebilirsiniz.',
    numberRange: '{min} ile {max} arasında bir sayı.',
    rankingHint:
      'Sizin için ilk sırada olana 1, ondan sonra gelene 2 yazın, böyle devam edin. En fazla {max} numara verin. Her numarayı sadece bir kez kullanın.',
    rankNone: 'Numara yok',
    constantSumHint: '{total} sayısını bu maddelere dağıtın. Toplam tam olarak {total} olmalı.',
    constantSumNow: 'Şu anki toplam: {sum} / {total}.',
    signOut: 'Şimdi dur, sonra devam et',
  },
  review: {
    title: 'Özet',
    intro:
      'Neredeyse bitirdiniz. Doldurmak istediğiniz her şeyi doldurduğunuzu aşağıda kontrol edin. Sonra cevaplarınızı gönderin.',
    allAnswered: 'Bütün soruları cevapladınız.',
    unanswered:
      'Bu soruları henüz cevaplamadınız. Bu sorun değil. Yine de cevaplamak ister misiniz? O zaman soruya tıklayın.',
    requiredOpen: 'Göndermeden önce bu soruları cevaplamanız gerekir. Soruya tıklayın.',
    requiredRefused: 'Cevaplarınız henüz gönderilmedi. Önce bu soruları cevaplayın. Soruya tıklayın.',
    answersTitle: 'Cevaplarınız',
    answeredCount: '{count} cevaplandı',
    change: 'Değiştir',
    changeWhich: '(soru {number})',
    partly: 'Bu sorunun hepsini henüz cevaplamadınız.',
    submit: 'Cevaplarımı gönder',
    afterSubmit: 'Gönderdikten sonra cevaplarınızı artık değiştiremezsiniz.',
  },
  thanks: {
    title: 'Teşekkürler!',
    body: 'Cevaplarınız gönderildi. Zamanınız ve emeğiniz için çok teşekkür ederiz.',
    next: 'Şimdi ne olacak? Cevaplarınızı diğer kişilerin cevaplarıyla birlikte sayıyoruz. Belediye sadece toplamları görür, sizin ne yazdığınızı görmez. Çalışma ve Gelir (Werk en Inkomen) bölümü sonuçları hizmetlerini iyileştirmek için kullanır.',
    contactLetter: 'Sorularınız mı var? Belediyenin telefon numarası mektubunuzda yazıyor.',
    paper: 'Kâğıt anketi artık doldurmanız gerekmez.',
  },
  screenedOut: {
    title: 'Anketin sonu',
  },
  alreadyDone: {
    title: 'Anketi zaten doldurdunuz',
    body: 'Bu kodla anket zaten dolduruldu. Bunun için çok teşekkür ederiz! Artık hiçbir şeyi değiştiremezsiniz.',
  },
  signedOut: {
    title: 'Görüşmek üzere',
    body: 'Cevaplarınız kaydedildi. Daha sonra aynı kodla devam edebilirsiniz.',
  },
  sessionExpired: 'Mektubunuzdaki kodla yeniden giriş yapın.',
  privacy: {
    title: 'Gizlilik: cevaplarınıza ne oluyor?',
    intro:
      'Belediye, Çalışma ve Gelir Birimi’nin (Werk en Inkomen) hizmetlerini iyileştirmek için bu araştırmayı yaptırıyor. Katılmak isteğe bağlıdır. Katılıp katılmamanız sosyal yardım ödemenizi etkilemez.',
    anonymousTitle: 'Cevaplarınız anonimdir',
    anonymousIntro: 'Anonim şu demektir: hiç kimse hangi cevapların size ait olduğunu göremez. Bunu şöyle sağlıyoruz:',
    lettersOnly: 'Adınızı ve adresinizi sadece size mektup ve hatırlatma göndermek için kullanıyoruz.',
    noPersonalData: 'Cevaplarınızın yanında ad, adres, müşteri numarası veya giriş kodu yoktur.',
    resumeLink:
      'Anketi bitirmediğiniz sürece cevaplarınızı kodunuzla birlikte saklıyoruz. Böylece daha sonra devam edebilirsiniz. Cevaplarınızı gönderdiğinizde, kodunuzla olan bağlantıyı sileriz. Cevaplarınız sonra bir süre bekler, başka kişiler de bitirene kadar. Sonra onları diğer kişilerin cevaplarıyla birlikte, rastgele bir sırayla geri kalanına ekleriz. Böylece hiç kimse hangi cevapların size ait olduğunu göremez. Her şeyi sakladığımız bilgisayarda bile göremez.',
    noDates: 'Anketi hangi gün doldurduğunuzu saklamıyoruz. Sadece her gün kaç kişinin katıldığını sayıyoruz.',
    participated: 'Katıldığınızı ise saklıyoruz. Böylece size artık hatırlatma gelmez.',
    totalsOnly:
      'Belediye sadece toplamları görür. Örneğin: kaç kişinin 8 verdiğini. Bir kişinin ne yazdığını asla görmez.',
    openAnswers: 'Açık sorulara ad, adres veya müşteri numarası yazmayın. Böylece anonim kalırsınız.',
    cookieTitle: 'Çerez',
    cookie:
      'Bu web sitesi tek bir çerez kullanır. Bu çerez, giriş yaptığınızı ve hangi dili seçtiğinizi hatırlamak için gereklidir. Ayrıca telefonunuzda sayfa düzeninin zaten olup olmadığını hatırlar, böylece tekrar tekrar gönderilmez. Sizi takip eden çerezler yoktur. Reklam da yoktur.',
    wrongCodes:
      'Yanlış bir kod yazarsanız, bunu internet adresine (IP adresi) göre sayarız. Böylece kimse kod tahmin edemez. Ziyaretiniz hakkında başka bir şey saklamayız.',
    keepTitle: 'Bilgileri ne kadar süre saklıyoruz?',
    keep: 'Araştırmadan sonra adları, adresleri ve kodları sileriz. Anonim cevapları ve toplamları araştırma için saklarız.',
    rightsTitle: 'Haklarınız',
    rights:
      'Belediyeye hakkınızda hangi bilgilerin olduğunu sorabilirsiniz. Bu bilgilerin silinmesini de isteyebilirsiniz. Belediyenin adresi mektupta yazıyor. Gönderdiğiniz cevapları artık bulamayız, çünkü onlar anonimdir.',
    noThanks: 'Katılmak istemiyor musunuz? O zaman hiçbir şey yapmanız gerekmez.',
    complaint:
      'Belediyenin bilgilerinizi kullanma şekline katılmıyor musunuz? O zaman Hollanda’nın veri koruma kurumuna (Autoriteit Persoonsgegevens) şikâyette bulunabilirsiniz.',
  },
  accessibility: {
    title: 'Erişilebilirlik beyanı',
    intro:
      'Herkes bu anketi doldurabilmelidir. İyi göremiyorsanız, ekran okuyucu kullanıyorsanız veya fare kullanmıyorsanız da. Burada bunun için neler yaptığımızı ve neleri ölçtüğümüzü okuyabilirsiniz.',
    scope:
      'Bu beyan, anketi dolduran kişiler için olan sayfalarla ilgilidir: başlangıç sayfası, sorular, özet, teşekkür sayfası ve bu bilgiler. Çalışanlar için olan sayfalar bu beyana dahil değildir.',
    standard:
      'Standart, WCAG 2.1, A ve AA seviyesidir (Avrupa standardı EN 301 549). Hollanda’daki kamu kurumları bu standarda uymak zorundadır.',
    statusTitle: 'Ne durumdayız?',
    status:
      'Durum: ilk önlemler alındı. Sayfaları kendimiz test ettik. Bağımsız bir uzman sayfaları henüz incelemedi. Bu yüzden sayfaların standarda tamamen uyduğunu henüz söylemiyoruz.',
    measuredTitle: 'Neleri ölçtük',
    measuredOn: 'En son ölçüm: {date}. Her yeni sürümde yeniden ölçüyoruz.',
    automated:
      'Otomatik bir test (axe-core {version}), {pages} sayfada: her sayfa türü, Hollandaca, İngilizce ve Arapça, hata mesajlarıyla birlikte de. Sonuç: WCAG 2.1 A ve AA kurallarına göre 0 hata.',
    reflow:
      '320 piksel genişliğinde bir ekranda yana kaydırmanız gerekmez. Bu, küçük bir telefon veya bilgisayarda %400 yakınlaştırma demektir.',
    keyboard:
      'Bir anket sayfasını sadece klavyeyle doldurup gönderebilirsiniz. Nerede olduğunuzu her zaman görürsünüz.',
    noScript: 'Anket JavaScript olmadan da çalışır.',
    phoneGrid:
      'Telefonda bir tablodaki her ifade, ayrı bir soru olarak alt alta gösterilir. Uzun bir tablo, her sayfada soru tekrar edilerek birkaç sayfaya bölünür.',
    languages: 'Her sayfa hangi dilde olduğunu belirtir. Arapça sağdan sola gösterilir.',
    paper: 'Anketi kâğıt üzerinde de doldurabilirsiniz. Kâğıt anket mektupla birlikte gelir.',
    knownTitle: 'Henüz iyi olmayanlar',
    knownLanguage:
      'Bütün metinler Hollandaca, İngilizce, Türkçe, Arapça ve Lehçe olarak vardır. Türkçe, Arapça ve Lehçe metinleri henüz bir çevirmen kontrol etmedi. Bu yüzden içlerinde hatalar olabilir. Anket başka bir dilde de var mı? O zaman o dilde sadece sorular çevrilmiştir. Düğmeler ve açıklamalar o zaman Hollandacadır. Bir ekran okuyucu bunları soruların dilinde okur.',
    notDoneTitle: 'Henüz yapmadıklarımız',
    notDoneScreenReaders:
      'Her gün ekran okuyucu kullanan kişilerle bir test (örneğin NVDA, VoiceOver veya TalkBack ile).',
    notDoneAudit: 'Bağımsız bir uzmanın WCAG-EM yöntemiyle yaptığı bir inceleme.',
    contactTitle: 'Bir şey çalışmıyor mu?',
    contact:
      'Bir şeyi okuyamıyor veya dolduramıyor musunuz? O zaman size mektubu gönderen belediyeyi arayın veya ona yazın. Adres ve telefon numarası mektupta yazıyor. Katılabilmeniz için bir çözüm buluruz, örneğin kâğıt üzerinde.',
    complaint:
      'İyi bir cevap alamıyor musunuz? O zaman belediyenizin ombudsmanına veya Nationale ombudsman’a şikâyette bulunabilirsiniz.',
  },
}
