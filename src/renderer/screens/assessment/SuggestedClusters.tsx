// Candidate clusters among the log's live threats (shared source, target, place or claim within a window
// of days), each with its reasons, for a person to confirm and assess as one.
import { ElectionSelect } from '../../components/ElectionSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { say, type Said } from '../../../shared/i18n/explain';
import type { ClusterSuggestionView } from '../../../shared/domain/decision';
import { channelLabel } from '../../labels/places';
import { useTranslate } from './engine-text';

/** A reason names a channel by its label ("Facebook"), not by the code the record stores. */
function withChannelLabels(reason: Said, t: TFunction): Said {
  if (typeof reason === 'string' || !reason.params) return reason;
  const key =
    reason.id === 'engine:cluster.channel' ? 'name' : reason.id === 'engine:cluster.place' ? 'channel' : null;
  const code = key ? reason.params[key] : undefined;
  return typeof code === 'string' && key
    ? { ...reason, params: { ...reason.params, [key]: channelLabel(code, t) } }
    : reason;
}

/** A member's title in the interface language when the record has it; English marked as such otherwise. */
function SuggestedTitle({ id, suggestion }: { id: string; suggestion: ClusterSuggestionView }) {
  const { i18n } = useTranslation();
  const fr = suggestion.titlesFr?.[id];
  if (i18n.language === 'fr' && fr) return <bdi>{fr}</bdi>;
  return <bdi lang={i18n.language === 'en' ? undefined : 'en'}>{suggestion.titles[id]}</bdi>;
}

export function SuggestedClusters({ onAssess }: { onAssess(ids: string[]): void }) {
  const { t } = useTranslation('assessment');
  const tr = useTranslate();
  const elections = useStore((s) => s.elections);
  const current = useStore((s) => s.electionId);
  const suggestions = useStore((s) => s.suggestions);
  const error = useStore((s) => s.suggestionsError);
  const load = useStore((s) => s.loadSuggestions);
  // The election chosen here, else the one in use, else the first (the list may arrive after the screen).
  const [chosen, setElectionId] = useState('');
  const electionId = chosen || current || elections[0]?.id || '';
  const [windowDays, setWindowDays] = useState(30);
  useEffect(() => {
    if (electionId && windowDays >= 1 && windowDays <= 366) void load(electionId, windowDays);
  }, [electionId, windowDays, load]);

  return (
    <section
      className="form-section suggested-clusters"
      aria-labelledby="suggested-title"
      data-testid="suggested-clusters"
    >
      <h2 id="suggested-title">{t('suggest.title')}</h2>
      <p className="form-section__hint">{t('suggest.hint')}</p>
      <div className="suggested-clusters__controls">
        <label className="field">
          <span className="field__label">{t('suggest.election')}</span>
          <ElectionSelect value={electionId} onChange={setElectionId} />
        </label>
        <label className="field">
          <span className="field__label">{t('suggest.window')}</span>
          <input
            type="number"
            min={1}
            max={366}
            value={windowDays}
            onChange={(e) => setWindowDays(Math.max(1, Math.min(366, Number(e.target.value) || 1)))}
          />
        </label>
      </div>
      <ErrorNotice error={error} />
      {suggestions && suggestions.length === 0 ? <p className="muted">{t('suggest.none')}</p> : null}
      <ol className="suggested-clusters__list">
        {(suggestions ?? []).map((s, i) => (
          <li key={s.threatIds.join(',')} className="suggested-clusters__item" data-testid="suggestion">
            <h3>{t('suggest.item', { n: i + 1, count: s.threatIds.length })}</h3>
            <p>
              <strong>{t('suggest.why')}</strong>{' '}
              {s.reasons.map((r) => say(tr, withChannelLabels(r, t))).join(t('suggest.join'))}
            </p>
            <ul className="suggested-clusters__members">
              {s.threatIds.map((id) => (
                <li key={id}>
                  <span className="pill">{id}</span> <SuggestedTitle id={id} suggestion={s} />
                </li>
              ))}
            </ul>
            <button type="button" className="button" onClick={() => onAssess(s.threatIds)}>
              {t('suggest.assess', { count: s.threatIds.length })}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
