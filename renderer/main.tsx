// Renderer entry: find the API for this face, build the stores, render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveLocale } from '../shared/i18n/locales';
import { formatMessage } from '../shared/i18n/messages';
import { getApi, missingHostLink } from './api/api';
import { App } from './App';
import { LanguageProvider, rememberedLanguage } from './i18n/LanguageProvider';
import { createStores, listenForOpenedImages } from './stores';
import { StoresContext } from './stores/hooks';
import './styles/tokens.css';
import './styles/base.css';
import './styles/buttons.css';
import './styles/controls.css';
import './styles/feedback.css';
import './styles/dialog.css';
import './styles/view-header.css';
import './styles/shell.css';
import './styles/account.css';
import './styles/dropzone.css';
import './styles/preview.css';
import './styles/create.css';
import './styles/create-short.css';
import './styles/prompt.css';
import './styles/jobs.css';
import './styles/library-card.css';
import './styles/library-detail.css';
import './styles/library-media.css';
import './styles/library.css';
import './styles/portable.css';
import './styles/settings.css';
import './styles/compare.css';
import './styles/spend.css';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

if (missingHostLink()) {
  // Without the run's token the host answers nothing; say what to do instead of "Connecting…" forever.
  // Before React and the settings: the language last chosen on this page, else the browser's.
  const locale = resolveLocale(rememberedLanguage(), navigator.languages.length ? navigator.languages : [navigator.language]);
  document.documentElement.lang = locale;
  document.getElementById('root')!.textContent = formatMessage(locale, 'shell.main.openHostLink');
  throw new Error('Veo Studio host: opened without its access link');
}

const api = getApi();
const stores = createStores(api, { storage: browserStorage() });
// Here, not in <App>'s effect: pictures the app was launched to open arrive right after the page
// loads, possibly before React has mounted anything (see listenForOpenedImages).
listenForOpenedImages(api, stores);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoresContext value={stores}>
      <LanguageProvider>
        <App api={api} />
      </LanguageProvider>
    </StoresContext>
  </StrictMode>,
);
