/**
 * The web benchmark's page, also a stand-alone view of the playground for
 * visual checks. `?mode=bench` mounts the largest network (7 features,
 * six layers of 8) and exposes `window.playroomBench`; otherwise a local
 * trainer drives the playground (`?lang=zh-CN`, `?preset=large`, `?readOnly=1`).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useLanguageStore, type Language } from '../../../apps/web/src/i18n';
import { BenchApp } from './BenchApp';
import { LocalApp } from './LocalApp';

const query = new URLSearchParams(location.search);
const language = query.get('lang');
if (language === 'en' || language === 'zh-CN') useLanguageStore.getState().setLanguage(language as Language);

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  query.get('mode') === 'bench' ? (
    <BenchApp />
  ) : (
    <StrictMode>
      <LocalApp preset={query.get('preset')} readOnly={query.get('readOnly') === '1'} />
    </StrictMode>
  ),
);
