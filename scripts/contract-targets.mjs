// Prints PISHKHAN_CONTRACT for tests/contract.rs: the live backends the test command started,
// with the tokens their up.sh scripts wrote.
// Usage: node scripts/contract-targets.mjs DJANGO_TOKENS DJANGO_CONFIG RT_TOKENS
import { readFileSync } from 'node:fs';

const [djangoTokens, djangoConfig, rtTokens] = process.argv.slice(2);
const json = (path) => JSON.parse(readFileSync(path, 'utf8'));
const targets = [];
if (djangoTokens) {
  const tokens = json(djangoTokens);
  const config = json(djangoConfig);
  targets.push({
    kind: 'django_helpdesk',
    base: config.api_base,
    agent: { id: '2', name: 'agent', token: tokens.agent },
    customer_token: tokens.customer,
    departments: config.departments,
    agents: config.agents,
  });
}
if (rtTokens) {
  const rt = json(rtTokens);
  targets.push({
    kind: 'request_tracker',
    base: rt.base_url,
    agent: { id: String(rt.agent.id), name: rt.agent.name, token: rt.agent.token },
    customer_token: rt.customer.token,
  });
}
console.log(JSON.stringify(targets));
