// A Vue 3 host with no wrapper, its template compiled in the browser as an in-page template
// would be: Vue sets objects as properties and listens with @refund-exchange-*.
import { createApp, version } from 'vue';
import 'refund-exchange-form/vue';
import { host } from './host.js';

const app = createApp({
  template: `<refund-exchange-form
    :endpoint="host.endpoint"
    lang="en-US"
    draft="off"
    :max-images="2"
    hide-policies
    :prefill="host.prefill"
    @refund-exchange-submit="host.record"
    @refund-exchange-success="host.record"
    @refund-exchange-error="host.record"
  ></refund-exchange-form>`,
  data: () => ({ host }),
});
app.config.compilerOptions.isCustomElement = (tag) => tag === 'refund-exchange-form';
app.mount('#app');
host.ready('Vue', version);
