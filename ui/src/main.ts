// Starts the UI: mounts App into the page.
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Casebook: #app element missing');

export default mount(App, { target });
