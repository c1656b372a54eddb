import { createContext, useContext } from 'react';
import type { ViewerQuery } from '@/generated/graphql';

export type Viewer = NonNullable<ViewerQuery['me']>;

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in user; only inside the authenticated layout. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside the signed-in layout');
  return viewer;
}
