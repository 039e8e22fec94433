/**
 * The form's rules as the element uses them: zod and the words for its issues load as one
 * chunk (with the channels' check, a chunk of its own) the first time a customer touches a
 * form, then check the model for the element's current settings. No DOM; Lit only in what the
 * chunk shows (summary.ts, checked.styles.ts).
 */
import type { FieldError, FieldName } from '../fields.js';
import { lazily } from '../lazy.js';
import { hasMessages, loadMessages, translationFor } from '../i18n/index.js';
import type { EndpointBody, SchemaOptions } from '../schema.js';
import type { FieldIssues, RequestContext, Rules } from './check.js';
import type { FormModel } from './model.js';

export type Validation = typeof import('./validation.js');

let validation: Validation | undefined;
// The channels' check, which the rules use, is a chunk of its own (a form with channels loads it
// before its first render): asked for at once, not once the rules' chunk has been read.
const loadValidation = lazily(() =>
  Promise.all([import('./validation.js'), import('../channels.js')]).then(([module]) => (validation = module)),
);

/** What the rules depend on, as the element has it now. */
export interface RulesSettings {
  options: SchemaOptions;
  context: RequestContext;
  /** The language the form is shown in: its messages load with the rules. */
  lang: string;
}

export interface Problems {
  request?: EndpointBody;
  /** Each field's first issue, and its message in the form's language. */
  issues: FieldIssues;
  messages: Partial<Record<FieldName, string>>;
  /** The message each field shows now (the server's, or the rules' once due). */
  shown: Partial<Record<FieldName, string>>;
}

export class FormRules {
  /** Rules that stand in for the request's while set: a withdrawal statement's (withdrawal/flow.ts). */
  override?: ((options: SchemaOptions, loaded: Validation) => Rules<EndpointBody>) | undefined;

  constructor(
    private readonly model: FormModel,
    private readonly settings: () => RulesSettings,
    /** Called once the chunk has loaded for a `load()`, so the host renders with the rules. */
    private readonly loaded: () => void,
  ) {}

  /** Loads the rules, and the messages they speak with, if need be; undefined when both are here. */
  load(): Promise<unknown> | undefined {
    const { lang } = this.settings();
    if (validation && hasMessages(lang)) return undefined;
    return Promise.all([loadValidation(), loadMessages(lang)]).then(() => {
      // English's messages could not load (offline): the rules cannot speak, so they are not here.
      if (!hasMessages(lang)) throw new Error('refund-exchange-form: messages not loaded');
      this.loaded();
    });
  }

  /**
   * Each field's first problem; none while the rules or their messages have not loaded. The
   * server's errors show with them: a request is only sent once the rules are here.
   */
  problems(): Problems {
    const { options, context, lang } = this.settings();
    if (!validation || !hasMessages(lang)) return { issues: {}, messages: {}, shown: {} };
    const { request, issues } = validation.checkRequest(
      this.model,
      this.override?.(options, validation) ?? validation.schemaFor(options),
      context,
    );
    const messages = validation.messagesFor(issues, translationFor(lang));
    return { request, issues, messages, shown: validation.shownMessages(this.model, issues, messages) };
  }

  /**
   * What only a touched form shows, once the rules are here: the error summary, the question
   * before Reset, and the styles of errors, of both and of the success view.
   */
  get shows(): Pick<Validation, 'summary' | 'resetQuestion' | 'checkedStyles'> | undefined {
    return validation;
  }

  /** How `field` is tidied when left (see normalize.ts); nothing while the rules have not loaded. */
  tidier(field: string, channel: boolean): ((value: string) => string) | undefined {
    return validation?.tidier(field, channel);
  }

  /** Whether the entries pass, the captcha (which solves itself) aside. False while the rules load, which this starts. */
  valid(): boolean {
    const loading = this.load();
    if (loading) {
      loading.catch(() => undefined);
      return false;
    }
    return this.check().errors.every((error) => error.field === 'captcha');
  }

  /** The whole form checked: the request, or each field's problem in the form's order. */
  check(): { request?: EndpointBody; errors: FieldError[] } {
    const { request, messages } = this.problems();
    return { request, errors: Object.entries(messages).map(([field, message]) => ({ field, message })) };
  }
}
