import { strings } from '@/lib/ui/strings';
import { LINKEDIN_NOTE_LIMITS, type LinkedinPlan, profileSettings } from '@/lib/workspace/settings';

const t = strings.surfaces.welcome;
const PLANS = Object.keys(LINKEDIN_NOTE_LIMITS) as LinkedinPlan[];

/** Free or Premium LinkedIn: the note limit the message templates count against. Saves at once. */
export function PlanChoice({ plan }: { plan: LinkedinPlan }) {
  return (
    <fieldset class="choice-group">
      <legend>{t.plan}</legend>
      {PLANS.map((value) => (
        <label class="check" key={value}>
          <input
            type="radio"
            name="linkedin-plan"
            value={value}
            checked={plan === value}
            onChange={() => void profileSettings.set({ linkedinPlan: value })}
          />
          {t.plans[value]}
        </label>
      ))}
      <p class="muted hint">{t.planHelp}</p>
    </fieldset>
  );
}
