import { Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** Beside the heading, e.g. a "Read-only" tag. */
  tags?: ReactNode;
  subtitle?: ReactNode;
}

/** The page's one h1; sections below use h2. */
export function PageHeader({ title, tags, subtitle }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div className="page-header__title-row">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {tags}
      </div>
      {subtitle && <Typography.Paragraph className="page-header__subtitle">{subtitle}</Typography.Paragraph>}
    </div>
  );
}
