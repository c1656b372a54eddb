import { Card } from 'antd';
import type { ReactNode } from 'react';

interface SectionCardProps {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * A card whose title is an h2, so headings stay in order under the page's h1. Deliberately not a
 * named region: six landmarks on one dashboard are noise, the headings already give the outline.
 */
export function SectionCard({ title, extra, children, className }: SectionCardProps) {
  return (
    <section className={className}>
      <Card className="section-card" title={<h2 className="section-card__title">{title}</h2>} extra={extra}>
        {children}
      </Card>
    </section>
  );
}
