// One part of an assessment's explanation, under its heading (h3, or h4 inside a dialog).
import type { ReactNode } from 'react';

export interface SectionProps {
  H: 'h3' | 'h4';
  headingId: string;
}

export function ExplainSection({
  H,
  headingId,
  title,
  testId,
  children,
}: SectionProps & { title: string; testId?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <H id={headingId}>{title}</H>
      {children}
    </section>
  );
}
