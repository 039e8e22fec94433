/** The friendly-challenge language code for the locale the form is shown in. No DOM. */

/** The widget's own languages (NOTES: friendly-challenge 0.9); Korean is `kr` there. */
const SUPPORTED = new Set(
  'en de nl fr it pt es ca ja da ru sv tr el uk bg cs sk no fi lv lt pl et hr sr sl hu ro zh zh_tw vi he th kr ar'.split(' '),
);

/** `fr-CA` → `fr`, `zh-TW` → `zh_tw`, `ko` → `kr`; English when the captcha does not speak it. */
export function captchaLanguage(locale: string): string {
  const [language = '', region = ''] = locale.toLowerCase().split('-');
  const code = language === 'ko' ? 'kr' : language === 'zh' && region === 'tw' ? 'zh_tw' : language;
  return SUPPORTED.has(code) ? code : 'en';
}
