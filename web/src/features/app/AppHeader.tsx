// The dashboard's header: title, the five views, the session and the language switch.
import { SessionBadge, type Me } from '../editing/Session.tsx';
import { type Lang, type MessageKey, useT } from '../../kit/i18n.ts';
import type { View } from './urlState.ts';

const VIEWS: [View, MessageKey][] = [
  ['karte', 'viewMap'],
  ['luecken', 'viewGaps'],
  ['partner', 'viewPartners'],
  ['plan', 'viewPlan'],
  ['redaktion', 'viewEditing'],
];

type Props = { view: View; onView: (view: View) => void; me: Me; lang: Lang; onLang: (lang: Lang) => void };

export function AppHeader({ view, onView, me, lang, onLang }: Props) {
  const t = useT();
  return (
    <header className="app-header">
      <div>
        <h1>{t('title')}</h1>
        <p>{t('subtitle')}</p>
      </div>
      <div className="header-controls">
        <nav aria-label={t('views')} className="view-switch">
          {VIEWS.map(([key, label]) => (
            <button key={key} type="button" aria-pressed={view === key} onClick={() => onView(key)} data-view={key}>
              {t(label)}
            </button>
          ))}
        </nav>
        <SessionBadge me={me} />
        <button
          type="button"
          className="lang-switch"
          lang={lang === 'de' ? 'en' : 'de'}
          aria-label={t('switchLanguageLabel')}
          onClick={() => onLang(lang === 'de' ? 'en' : 'de')}
          data-testid="lang-switch"
        >
          {t('switchLanguage')}
        </button>
      </div>
    </header>
  );
}
