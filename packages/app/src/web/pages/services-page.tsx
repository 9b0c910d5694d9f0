import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.ts';
import { PALETTE } from '../charts/chart.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { KnownAmount } from '../components/known-amount.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useLoad } from '../components/use-load.ts';
import { ChartCard } from '../dashboard/chart-card.tsx';
import { formatWon, formatYmd, shortWon } from '../format.ts';
import type { SectorServices } from '../services/sector-types.ts';

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The sector services on the person's own numbers, each with its reasons: 자산형성 (what they keep a month, an
 * emergency fund, a goal), 노후설계 (pension pots at retirement), 소비습관 (where the card money goes, small
 * daily leaks, weekends), investment patterns (concentration, tax-advantaged room) and car-insurance renewals.
 */
export default function ServicesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const [goal, setGoal] = useState<{ amount: number; months: number }>();
  const data = useLoad(
    () => {
      const q = goal ? `?goalAmount=${goal.amount}&goalMonths=${goal.months}` : '';
      return api<SectorServices>(`/api/analysis/sector${q}`);
    },
    goal ? `${goal.amount}/${goal.months}` : '',
  );
  const [goalError, setGoalError] = useState<string>();
  const won = (v: number) => formatWon(v, lang);
  const axis = useMemo(() => ({ axisLabel: { formatter: (v: number) => shortWon(v, lang) } }), [lang]);

  const setGoalFrom = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const amount = Number(String(f.get('goalAmount')).replace(/[,\s원₩]/g, ''));
    const months = Number(f.get('goalMonths'));
    if (!Number.isSafeInteger(amount) || amount <= 0 || !Number.isInteger(months) || months < 1 || months > 600) {
      setGoalError(t('services.goalInvalid'));
      return;
    }
    setGoalError(undefined);
    setGoal({ amount, months });
  };

  const s = data.data;
  return (
    <section>
      <PageTitle>{t('services.title')}</PageTitle>
      <p>{t('services.intro')}</p>
      <ErrorNote error={data.error} onRetry={data.reload} />
      {!s ? (
        data.error ? null : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : (
        <div className="grid">
          <article className="card" data-section="savings">
            <h2>{t('services.savings')}</h2>
            <dl className="pair">
              <dt>{t('services.surplus')}</dt>
              <dd>
                <KnownAmount value={s.savingsPlan.monthlySurplus} lang={lang} />
              </dd>
              <dt>{t('services.emergency')}</dt>
              <dd>
                {won(s.savingsPlan.emergencyFund.have)} / {won(s.savingsPlan.emergencyFund.target)}
              </dd>
              <dt>{t('services.emergencyMonths')}</dt>
              <dd>
                {s.savingsPlan.emergencyFund.monthsToGo === null
                  ? t('services.unreachable')
                  : t('services.months', { count: s.savingsPlan.emergencyFund.monthsToGo })}
              </dd>
            </dl>
            <form className="goal" onSubmit={setGoalFrom} noValidate>
              <fieldset>
                <legend>{t('services.goal')}</legend>
                <label>
                  {t('services.goalAmount')}
                  <input
                    name="goalAmount"
                    inputMode="numeric"
                    autoComplete="off"
                    defaultValue={goal?.amount ?? ''}
                    aria-invalid={goalError ? true : undefined}
                    aria-describedby={goalError ? 'goal-error' : undefined}
                  />
                </label>
                <label>
                  {t('services.goalMonths')}
                  <input
                    name="goalMonths"
                    type="number"
                    min={1}
                    max={600}
                    defaultValue={goal?.months ?? 12}
                    aria-invalid={goalError ? true : undefined}
                    aria-describedby={goalError ? 'goal-error' : undefined}
                  />
                </label>
                {goalError ? (
                  <p className="field-error" id="goal-error">
                    {goalError}
                  </p>
                ) : null}
                <button type="submit">{t('services.goalSubmit')}</button>
              </fieldset>
            </form>
            {s.savingsPlan.goal ? (
              <p className={`note ${s.savingsPlan.goal.reachable ? 'ok' : ''}`} role="status" data-goal>
                {t(s.savingsPlan.goal.reachable ? 'services.goalReachable' : 'services.goalShort', {
                  monthly: won(s.savingsPlan.goal.monthlyNeeded),
                  amount: won(s.savingsPlan.goal.amount),
                  months: s.savingsPlan.goal.months,
                })}
              </p>
            ) : null}
            <h3>{t('services.why')}</h3>
            <ol className="steps">
              {s.savingsPlan.steps.map((x) => (
                <li key={x.ko}>{x[lang]}</li>
              ))}
            </ol>
          </article>

          <ChartCard
            kind="retirement"
            title={t('services.retirement')}
            label={t('services.retirementChart')}
            option={{
              grid: { left: 56, right: 16, top: 16, bottom: 28 },
              xAxis: { type: 'category', data: [t('services.now'), t('services.atRetirement')] },
              yAxis: { type: 'value', ...axis },
              series: [
                {
                  type: 'bar',
                  data: [s.retirement.today, s.retirement.atRetirement.known ? s.retirement.atRetirement.value : 0],
                  itemStyle: { color: PALETTE[0] },
                },
              ],
            }}
            table={
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('services.pot')}</th>
                    <th scope="col">{t('services.balance')}</th>
                    <th scope="col">{t('services.monthlyIn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.retirement.pots.map((p) => (
                    <tr key={`${p.institution}-${p.name ?? p.kind}`}>
                      <td>
                        {p.institution} {p.name ?? p.kind}
                      </td>
                      <td>{won(p.balance)}</td>
                      <td>{p.monthly === null ? '—' : won(p.monthly)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          <article className="card" data-section="retirement-numbers">
            <h2>{t('services.retirementNumbers')}</h2>
            <dl className="pair">
              <dt>{t('services.age')}</dt>
              <dd>
                {s.retirement.age.known
                  ? t('services.ageValue', { age: s.retirement.age.value, at: s.retirement.retireAt })
                  : s.retirement.age.reason[lang]}
              </dd>
              <dt>{t('services.potsNow')}</dt>
              <dd>{won(s.retirement.today)}</dd>
              <dt>{t('services.atRetirement')}</dt>
              <dd>
                <KnownAmount value={s.retirement.atRetirement} lang={lang} />
              </dd>
              <dt>{t('services.monthlyIncome')}</dt>
              <dd>
                <KnownAmount value={s.retirement.monthlyIncome} lang={lang} />
              </dd>
              <dt>{t('services.gap')}</dt>
              <dd>
                <KnownAmount value={s.retirement.gap} lang={lang} />
              </dd>
            </dl>
            <p className="muted">{s.retirement.assumptions[lang]}</p>
          </article>

          <ChartCard
            kind="habits"
            title={t('services.habits')}
            label={t('services.habitsChart')}
            option={{
              grid: { left: 56, right: 16, top: 16, bottom: 56 },
              xAxis: {
                type: 'category',
                data: s.cardHabits.topCategories.map((c) => c.ko),
                axisLabel: { interval: 0, rotate: 30 },
              },
              yAxis: { type: 'value', ...axis },
              series: [
                {
                  type: 'bar',
                  data: s.cardHabits.topCategories.map((c) => c.monthly),
                  itemStyle: { color: PALETTE[1] },
                },
              ],
            }}
            table={
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('tx.category')}</th>
                    <th scope="col">{t('services.perMonth')}</th>
                    <th scope="col">{t('services.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.cardHabits.topCategories.map((c) => (
                    <tr key={c.category}>
                      <td>{c.ko}</td>
                      <td>{won(c.monthly)}</td>
                      <td>{pct(c.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          <article className="card" data-section="habits-notes">
            <h2>{t('services.habitsNumbers')}</h2>
            <dl className="pair">
              <dt>{t('services.leaks')}</dt>
              <dd>
                {t('services.leaksValue', {
                  monthly: won(s.cardHabits.smallLeaks.monthly),
                  yearly: won(s.cardHabits.smallLeaks.yearly),
                })}
              </dd>
              <dt>{t('services.halfSaves')}</dt>
              <dd>{won(s.cardHabits.smallLeaks.halfSaves)}</dd>
              <dt>{t('services.weekend')}</dt>
              <dd>{pct(s.cardHabits.weekendShare)}</dd>
            </dl>
            <ul>
              {s.cardHabits.notes.map((n) => (
                <li key={n.ko}>{n[lang]}</li>
              ))}
            </ul>
          </article>

          <ChartCard
            kind="investment"
            title={t('services.investment')}
            label={t('services.investmentChart')}
            option={{
              tooltip: { trigger: 'item' },
              series: [
                {
                  type: 'pie',
                  radius: ['40%', '70%'],
                  data: s.investment.byKind.map((k, i) => ({
                    name: t(`services.kind.${k.kind}`),
                    value: k.value,
                    itemStyle: { color: PALETTE[i % PALETTE.length] },
                  })),
                },
              ],
            }}
            table={
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('services.kindLabel')}</th>
                    <th scope="col">{t('services.balance')}</th>
                    <th scope="col">{t('services.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.investment.byKind.map((k) => (
                    <tr key={k.kind}>
                      <td>{t(`services.kind.${k.kind}`)}</td>
                      <td>{won(k.value)}</td>
                      <td>{pct(k.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          <article className="card" data-section="investment-numbers">
            <h2>{t('services.investmentNumbers')}</h2>
            <dl className="pair">
              <dt>{t('services.invested')}</dt>
              <dd>{won(s.investment.total)}</dd>
              <dt>{t('services.largest')}</dt>
              <dd>
                {s.investment.concentration.largest
                  ? `${s.investment.concentration.largest.name} (${pct(s.investment.concentration.largest.share)})`
                  : '—'}
              </dd>
              <dt>{t('services.fees')}</dt>
              <dd>
                <KnownAmount value={s.investment.fees} lang={lang} />
              </dd>
              {s.investment.roomLeft.map((r) => (
                <div key={r.kind} className="pair-row">
                  <dt>{r.ko}</dt>
                  <dd>
                    <KnownAmount value={r.room} lang={lang} />
                  </dd>
                </div>
              ))}
            </dl>
            <ul>
              {s.investment.notes.map((n) => (
                <li key={n.ko}>{n[lang]}</li>
              ))}
            </ul>
          </article>

          <article className="card" data-section="car-insurance">
            <h2>{t('services.car')}</h2>
            {s.carInsurance.length === 0 ? (
              <p>{t('services.carNone')}</p>
            ) : (
              <ul>
                {s.carInsurance.map((c) => (
                  <li key={`${c.institution}-${c.endDate}`}>
                    {c.text[lang]} <span className="muted">({formatYmd(c.endDate)})</span>
                  </li>
                ))}
              </ul>
            )}
          </article>
        </div>
      )}
    </section>
  );
}
