/**
 * DRAFT translation (Modern Standard Arabic), written by the Peiling team from the Dutch
 * texts (the English used to check meaning). Not yet checked by a translator: have it
 * reviewed before it is treated as final. The reader is addressed in the plural of
 * respect (أنتم), which needs no guess at their gender; buttons are verbal nouns.
 */
import type { email as nl } from '#src/i18n/nl/email.ts'

export const email: typeof nl = {
  invitation: {
    subject: 'ما رأيكم في قسم العمل والدخل؟',
    body: `السيد/السيدة {naam}،

نودّ أن نعرف رأيكم في قسم العمل والدخل (Werk en Inkomen) في بلدية {gemeente}. هل تودّون تعبئة استبيان لهذا الغرض؟ يستغرق ذلك حوالي 15 دقيقة.

اضغطوا على هذا الرابط للبدء:

{link}

الرابط لا يعمل؟ اذهبوا إلى {url} واكتبوا رمز الدخول الخاص بكم: {code}

ستصلكم أيضًا رسالة بالبريد فيها استبيان ورقي. تكفي المشاركة مرة واحدة فقط: عبر الإنترنت أو على الورق.

يمكنكم المشاركة حتى {sluitingsdatum}، ويشمل ذلك هذا اليوم.

إجاباتكم مجهولة الهوية. لا نعرف ما تكتبونه. المشاركة طوعية. لا تؤثر إجاباتكم على الإعانة التي تحصلون عليها.

مع أطيب التحيات،
{afzender}`,
  },
  reminder: {
    subject: 'تذكير: ما رأيكم في قسم العمل والدخل؟',
    body: `السيد/السيدة {naam}،

طلبنا منكم قبل فترة قصيرة تعبئة استبيان عن قسم العمل والدخل (Werk en Inkomen) في بلدية {gemeente}.

هل شاركتم من قبل؟ إذن يمكنكم تجاهل هذا البريد الإلكتروني. شكرًا جزيلًا!

لم تشاركوا بعد؟ نرجو أن تشاركوا الآن. رأيكم مهم أيضًا. اضغطوا على هذا الرابط للبدء:

{link}

الرابط لا يعمل؟ اذهبوا إلى {url} واكتبوا رمز الدخول الخاص بكم: {code}

يمكنكم المشاركة حتى {sluitingsdatum}، ويشمل ذلك هذا اليوم.

إجاباتكم مجهولة الهوية. المشاركة طوعية. لا تؤثر إجاباتكم على الإعانة التي تحصلون عليها.

مع أطيب التحيات،
{afzender}`,
  },
}
