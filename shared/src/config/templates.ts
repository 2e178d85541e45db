/**
 * Subscription-message templates. Ids are configuration of the deployment (cloud-function
 * environment variables), never taken from the client (house style: anti-patterns). Each template
 * gets one typed builder in the issue that sends it, which cuts fields to WeChat's limits.
 */
export const SUBSCRIPTION_TEMPLATES = {
  registrationResult: { title: '登记结果', env: 'NUANXIN_TEMPLATE_REGISTRATION_RESULT' },
  jobRecommendation: { title: '岗位推荐', env: 'NUANXIN_TEMPLATE_JOB_RECOMMENDATION' },
} as const;

export type TemplateKey = keyof typeof SUBSCRIPTION_TEMPLATES;

/** The configured id, or a stable local id (`local-<key>`) when the variable is not set. */
export function templateId(key: TemplateKey, env: Record<string, string | undefined>): string {
  return env[SUBSCRIPTION_TEMPLATES[key].env] || `local-${key}`;
}
