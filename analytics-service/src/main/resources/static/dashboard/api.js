// Same-origin calls: through the gateway, /api/v1/auth reaches user-service and
// /api/v1/analytics this service. The access token lives in sessionStorage only.
const TOKEN_KEY = 'tienda.dashboard.token';

export class Unauthorized extends Error {}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

export async function signIn(email, password) {
  const response = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) {
    throw new Error(response.status === 401 ? 'Wrong e-mail or password' : await problem(response));
  }
  const body = await response.json();
  sessionStorage.setItem(TOKEN_KEY, body.access_token);
}

export async function report(path, params = {}) {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`/api/v1/analytics/${path}${query ? `?${query}` : ''}`, {
    headers: { Authorization: `Bearer ${token()}`, Accept: 'application/json' },
  });
  if (response.status === 401) {
    throw new Unauthorized('Your session ended; please sign in again');
  }
  if (response.status === 403) {
    throw new Error('This account may not read analytics (analysts, managers and admins only)');
  }
  if (!response.ok) {
    throw new Error(`${path}: ${await problem(response)}`);
  }
  return response.json();
}
