import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '@/app/ViewerContext';
import type { ContractRowFragment } from '@/generated/graphql';
import { countryName } from '@/lib/countries';
import { SectionCard } from '@/lib/SectionCard';
import { useLanguage } from '@/lib/useLanguage';
import { ContractStatusTag } from '@/modules/contracts/components/ContractStatusTag';

/** The external agents a company works with: one line per agent, with its latest contract's status. */
export function AgentsOfCompany({ contracts }: { contracts: readonly ContractRowFragment[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const links = role === 'MINISTRY_SUPERVISOR' || role === 'MINISTRY_OFFICER';
  const latest = new Map<string, ContractRowFragment>();
  for (const contract of contracts) {
    const seen = latest.get(contract.agent.id);
    if (!seen || seen.validTo < contract.validTo) latest.set(contract.agent.id, contract);
  }
  const agents = [...latest.values()].sort((a, b) => a.agent.name.localeCompare(b.agent.name));
  return (
    <SectionCard title={t('company.agents')}>
      {agents.length === 0 ? (
        <Empty description={t('company.noAgents')} />
      ) : (
        <ul className="plain-list">
          {agents.map((contract) => (
            <li key={contract.agent.id} className="plain-list__item">
              <div className="two-line">
                {links ? (
                  <Link to={`/agents/${contract.agent.id}`}>{contract.agent.name}</Link>
                ) : (
                  <span>{contract.agent.name}</span>
                )}
                <span className="two-line__secondary">{countryName(contract.agent.countryCode, language)}</span>
              </div>
              <ContractStatusTag status={contract.status} />
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
