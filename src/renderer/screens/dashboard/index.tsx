// The dashboard's entry in the navigation: the screen (and Chart.js with it) loads on first visit.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const DashboardScreen = lazy(() => import('./DashboardScreen'));

export function DashboardEntry() {
  const { t } = useTranslation('dashboard');
  return (
    <Suspense fallback={<p className="screen">{t('loading')}</p>}>
      <DashboardScreen />
    </Suspense>
  );
}
