import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { App } from './features/app/App.tsx';
import { readUrlState } from './features/app/urlState.ts';
import { setNumberLocale } from './kit/format.ts';
import { queryClient } from './kit/useGraphQL.ts';

setNumberLocale(readUrlState().lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
