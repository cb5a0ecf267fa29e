// The data-care view by role: anonymous visitors sign in or propose a facility, planners propose
// too, editors add and change facilities and import CSV supplements, reviewers and admins also
// work the review queue and the import conflicts.
import type { CategoryInfo } from '../../api/queries.ts';
import { ConflictList } from './ConflictList.tsx';
import { FacilityEditor } from './FacilityEditor.tsx';
import { LoginForm } from './LoginForm.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';
import type { Me } from './Session.tsx';
import { SupplementImport } from './SupplementImport.tsx';

type Props = {
  me: Me;
  categories: CategoryInfo[];
  /** Where a click on the map placed the new facility. */
  point: { longitude: number; latitude: number } | null;
  onSaved: () => void;
};

export function EditingPanel({ me, categories, point, onSaved }: Props) {
  if (me === null || me.role === 'PLANNER') {
    return (
      <>
        {me === null && <LoginForm />}
        <FacilityEditor categories={categories} point={point} onSaved={onSaved} propose />
      </>
    );
  }
  return (
    <>
      <FacilityEditor categories={categories} point={point} onSaved={onSaved} />
      <SupplementImport />
      {me.role !== 'EDITOR' && (
        <>
          <ReviewQueue />
          <ConflictList />
        </>
      )}
    </>
  );
}
