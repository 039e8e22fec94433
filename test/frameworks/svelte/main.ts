import { mount } from 'svelte';
import { version } from 'svelte/package.json';
import 'refund-exchange-form/define';
import App from './App.svelte';
import { host } from '../host.js';

mount(App, { target: document.getElementById('app')! });
host.ready('Svelte', version);
