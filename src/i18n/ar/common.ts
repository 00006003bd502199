/**
 * DRAFT translation (Modern Standard Arabic), written by the Peiling team from the Dutch
 * texts (the English used to check meaning). Not yet checked by a translator: have it
 * reviewed before it is treated as final. The reader is addressed in the plural of
 * respect (أنتم), which needs no guess at their gender; buttons are verbal nouns.
 */
import type { common as nl } from '#src/i18n/nl/common.ts'

export const common: typeof nl = {
  appName: 'Peiling',
  switchLanguage: 'اللغة',
  skipToContent: 'الانتقال إلى المحتوى',
  contact: {
    title: 'هل لديكم أسئلة؟ تواصلوا مع {name}.',
    phone: 'الهاتف:',
    email: 'البريد الإلكتروني:',
  },
  footer: {
    privacy: 'الخصوصية',
    accessibility: 'إمكانية الوصول',
  },
  errors: {
    title: 'حدث خطأ',
    notFound: 'هذه الصفحة غير موجودة.',
    badRequest: 'هذا الطلب غير صحيح. يُرجى الرجوع والمحاولة مرة أخرى.',
    csrf: 'انتهت صلاحية النموذج. يُرجى الرجوع وإعادة تحميل الصفحة ثم المحاولة مرة أخرى.',
    tooLarge: 'ما أرسلتموه كبير جدًا.',
    server: 'حدث خطأ لدينا. إجاباتكم السابقة محفوظة. يُرجى المحاولة مرة أخرى بعد بضع دقائق.',
    unavailable: 'هناك ضغط كبير الآن، أو قاعدة البيانات غير متاحة مؤقتًا. يُرجى المحاولة مرة أخرى بعد بضع دقائق.',
    backHome: 'العودة إلى صفحة البداية',
  },
}
