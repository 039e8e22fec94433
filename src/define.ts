/** The script-tag entry: registers `<refund-exchange-form>`. Safe to load twice. */
import { RefundExchangeForm } from './refund-exchange-form.js';

RefundExchangeForm.define();

export { RefundExchangeForm };
