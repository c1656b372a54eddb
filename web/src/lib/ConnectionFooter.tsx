import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './useLanguage';
import { formatNumber } from './money';

interface ConnectionFooterProps {
  loaded: number;
  total: number;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onExport: () => void;
}

/** Below a cursor-paginated table: how much is loaded, "load more", and CSV export of the loaded rows. */
export function ConnectionFooter({
  loaded,
  total,
  hasNextPage,
  loadingMore,
  onLoadMore,
  onExport,
}: ConnectionFooterProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="connection-footer">
      <p className="connection-footer__count" aria-live="polite">
        {t('common.loaded', { loaded: formatNumber(loaded, language), total: formatNumber(total, language) })}
      </p>
      <Space wrap>
        {hasNextPage && (
          <Button onClick={onLoadMore} loading={loadingMore}>
            {t('common.loadMore')}
          </Button>
        )}
        <Button onClick={onExport} disabled={loaded === 0}>
          {t('common.exportCsv')}
        </Button>
      </Space>
    </div>
  );
}
