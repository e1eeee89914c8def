// The app's address (hash-based, so reloads and the back button work in both shells).
export type Route =
  | { screen: 'log'; threatId?: string }
  | { screen: 'threat-new' }
  | { screen: 'threat-edit'; threatId: string }
  | { screen: 'elections' }
  | { screen: 'audit' }
  | { screen: string; params?: Record<string, string> };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = Object.fromEntries(new URLSearchParams(query));
  switch (parts[0]) {
    case undefined:
    case 'log':
      return parts[1] ? { screen: 'log', threatId: parts[1] } : { screen: 'log' };
    case 'threat':
      if (parts[1] === 'new') return { screen: 'threat-new' };
      if (parts[1] && parts[2] === 'edit') return { screen: 'threat-edit', threatId: parts[1] };
      return parts[1] ? { screen: 'log', threatId: parts[1] } : { screen: 'log' };
    case 'elections':
      return { screen: 'elections' };
    case 'audit':
      return { screen: 'audit' };
    default:
      return { screen: parts[0], params: { ...params, ...(parts[1] ? { id: parts[1] } : {}) } };
  }
}

export function formatRoute(route: Route): string {
  switch (route.screen) {
    case 'log':
      return 'threatId' in route && route.threatId ? `#/log/${encodeURIComponent(route.threatId)}` : '#/log';
    case 'threat-new':
      return '#/threat/new';
    case 'threat-edit':
      return `#/threat/${encodeURIComponent((route as { threatId: string }).threatId)}/edit`;
    default: {
      const params = 'params' in route && route.params ? { ...route.params } : {};
      const id = params.id;
      delete params.id;
      const query = new URLSearchParams(params).toString();
      return `#/${route.screen}${id ? `/${encodeURIComponent(id)}` : ''}${query ? `?${query}` : ''}`;
    }
  }
}
