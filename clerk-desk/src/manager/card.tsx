import type { ReactNode } from 'react';

/** A titled card of the manager's pages; its heading names the section for screen readers. */
export function Card(props: { id: string; title: string; testId?: string; children: ReactNode }) {
  return (
    <section className="mgr-card" aria-labelledby={`${props.id}-h`} data-testid={props.testId}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.children}
    </section>
  );
}
