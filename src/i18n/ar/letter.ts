/**
 * DRAFT translation (Modern Standard Arabic), written by the Peiling team from the Dutch
 * texts (the English used to check meaning). Not yet checked by a translator: have it
 * reviewed before it is treated as final. The reader is addressed in the plural of
 * respect (أنتم), which needs no guess at their gender; buttons are verbal nouns.
 */
import type { letter as nl } from '#src/i18n/nl/letter.ts'

// The letter says "the QR code in this letter", not "top right": a right-to-left letter
// may put the code box on the other side.
export const letter: typeof nl = {
  invitation: {
    subject: 'ما رأيكم في قسم العمل والدخل؟',
    body: `السيد/السيدة {naam}،

نودّ أن نعرف رأيكم في قسم العمل والدخل (Werk en Inkomen) في بلدية {gemeente}. لذلك نطلب منكم تعبئة استبيان. رأيكم يساعدنا على تحسين عملنا.

تستغرق تعبئة الاستبيان حوالي 15 دقيقة. أنتم تختارون طريقة المشاركة:
- عبر الإنترنت: اذهبوا إلى {url} واكتبوا رمز الدخول {code}. أو امسحوا رمز QR الموجود في هذه الرسالة بهاتفكم.
- على الورق: عبئوا الاستبيان المرفق بهذه الرسالة. أعيدوه في مغلف الرد. لا حاجة إلى طابع بريدي.

يمكنكم المشاركة حتى {sluitingsdatum}، ويشمل ذلك هذا اليوم.

إجاباتكم مجهولة الهوية. لا نعرف ما تكتبونه. المشاركة طوعية. لا تؤثر إجاباتكم على الإعانة التي تحصلون عليها.

شكرًا جزيلًا مسبقًا على مساعدتكم!

مع أطيب التحيات،`,
  },
  reminder: {
    subject: 'تذكير: ما رأيكم في قسم العمل والدخل؟',
    body: `السيد/السيدة {naam}،

أرسلنا إليكم رسالة قبل بضعة أسابيع. طلبنا منكم فيها تعبئة استبيان عن قسم العمل والدخل (Werk en Inkomen) في بلدية {gemeente}.

هل عبأتم الاستبيان من قبل؟ شكرًا لكم! لا تحتاجون إلى فعل أي شيء آخر. يمكنكم التخلص من هذه الرسالة.

لم تعبئوه بعد؟ نرجو أن تشاركوا رغم ذلك. رأيكم مهم أيضًا. تستغرق تعبئة الاستبيان حوالي 15 دقيقة. رمز الدخول هو نفسه الموجود في الرسالة الأولى.
- عبر الإنترنت: اذهبوا إلى {url} واكتبوا رمز الدخول {code}. أو امسحوا رمز QR الموجود في هذه الرسالة بهاتفكم.
- على الورق: استخدموا الاستبيان ومغلف الرد من الرسالة الأولى. لا حاجة إلى طابع بريدي.

يمكنكم المشاركة حتى {sluitingsdatum}، ويشمل ذلك هذا اليوم.

إجاباتكم مجهولة الهوية. لا نعرف ما تكتبونه. المشاركة طوعية. لا تؤثر إجاباتكم على الإعانة التي تحصلون عليها.

مع أطيب التحيات،`,
  },
  box: {
    date: 'التاريخ',
    reference: 'مرجعنا',
    online: 'عبئوا الاستبيان عبر الإنترنت:',
    code: 'رمز الدخول الخاص بكم:',
    scan: 'أو امسحوا رمز QR هذا بكاميرا هاتفكم. عندها لا تحتاجون إلى كتابة الرمز.',
  },
  contact: {
    heading: 'هل لديكم أسئلة؟',
    phone: 'اتصلوا بالرقم {phone}',
    email: 'البريد الإلكتروني: {email}',
  },
  privacy: 'كيف نتعامل مع بياناتكم: {url}',
  placeholders: {
    organisation: 'البلدية',
    department: 'قسم العمل والدخل',
    signatureName: 'قسم العمل والدخل',
    signatureRole: 'البلدية',
    municipality: 'بلدية {name}',
  },
}
