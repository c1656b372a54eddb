import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useViewer } from '@/app/ViewerContext';
import {
  ComplaintsDocument,
  CompliancePartiesDocument,
  ComplianceRankingDocument,
  InspectionsDocument,
  ViolationsDocument,
  type ComplaintFilter,
  type InspectionFilter,
  type PartyKind,
  type RankingOrder,
  type ViolationFilter,
} from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';
import { localized, useLanguage } from '@/lib/useLanguage';

const PAGE = 25;

export function useComplaints(filter: ComplaintFilter) {
  return useConnection(ComplaintsDocument, { filter, first: PAGE }, (d) => d.complaints);
}

export function useViolations(filter: ViolationFilter) {
  return useConnection(ViolationsDocument, { filter, first: PAGE }, (d) => d.violations);
}

export function useInspections(filter: InspectionFilter) {
  return useConnection(InspectionsDocument, { filter, first: PAGE }, (d) => d.inspections);
}

export function useRanking(party: PartyKind, order: RankingOrder) {
  return useConnection(ComplianceRankingDocument, { party, order, first: 100 }, (d) => d.complianceRanking);
}

export interface PartyOption {
  value: string;
  label: string;
}

/** Companies and providers the viewer may pick in filters and forms. */
export function useComplianceParties(): { companies: PartyOption[]; providers: PartyOption[]; loading: boolean } {
  const { role } = useViewer();
  const { language } = useLanguage();
  const ministry = role === 'MINISTRY_OFFICER' || role === 'MINISTRY_SUPERVISOR';
  const { data, loading } = useQuery(CompliancePartiesDocument, { variables: { ministry, agent: role === 'AGENT' } });
  return useMemo(() => {
    const name = (p: { id: string; nameAr: string; nameEn: string }) => ({
      value: p.id,
      label: localized(language, p.nameAr, p.nameEn),
    });
    const fromContracts = new Map(
      (data?.agencyContracts?.edges ?? []).map(({ node }) => [node.company.id, node.company] as const),
    );
    const companies = [...(data?.companies?.edges.map((e) => e.node) ?? []), ...fromContracts.values()].map(name);
    return { companies, providers: (data?.serviceProviders.edges ?? []).map((e) => name(e.node)), loading };
  }, [data, language, loading]);
}

/** The current time, renewed every minute so SLA clocks move while the page is open. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
