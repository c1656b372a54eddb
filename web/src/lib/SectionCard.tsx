import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useId } from 'react';

interface SectionCardProps {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A card that is also a named region with an h2, so headings stay in order under the page's h1. */
export function SectionCard({ title, extra, children, className }: SectionCardProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className}>
      <Card
        className="section-card"
        title={
          <h2 id={headingId} className="section-card__title">
            {title}
          </h2>
        }
        extra={extra}
      >
        {children}
      </Card>
    </section>
  );
}
