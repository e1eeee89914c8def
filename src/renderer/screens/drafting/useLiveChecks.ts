// The checks of a draft as it is edited: run again shortly after the text stops changing; the saved
// report while nothing is edited. Answers to earlier edits are dropped.
import { useEffect, useRef, useState } from 'react';
import type { CheckReport, DraftRecord, SectionEdits } from '../../../shared/domain/drafting-records';
import { api, call } from '../../api/bridge';

const CHECK_DELAY_MS = 350;

export function useLiveChecks(
  record: DraftRecord | null,
  edits: SectionEdits,
  dirty: boolean,
): { report: CheckReport | null; checking: boolean } {
  const [live, setLive] = useState<{ report: CheckReport; for: SectionEdits } | null>(null);
  const [checking, setChecking] = useState(false);
  const run = useRef(0);

  useEffect(() => {
    if (!record || !dirty) return;
    const mine = ++run.current;
    const timer = setTimeout(() => {
      setChecking(true);
      void call(api.drafting.check({ draftId: record.id, version: record.version, sections: edits }))
        .then((report) => {
          if (mine === run.current) setLive({ report, for: edits });
        })
        // A check that cannot run leaves the last report on screen; saving runs them again.
        .catch(() => undefined)
        .finally(() => {
          if (mine === run.current) setChecking(false);
        });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [record, edits, dirty]);

  if (!record) return { report: null, checking: false };
  // Nothing edited: the report saved with the version; edited: the latest live report (or the saved one
  // until the first live report arrives).
  return { report: dirty ? (live?.report ?? record.report) : record.report, checking: dirty && checking };
}
