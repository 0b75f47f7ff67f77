// How many web processes `npm start` runs and which one runs the email worker and the scheduler.
import { describe, expect, test } from 'vitest'
import { planWebProcesses, webProcessEnv } from '../../../scripts/web-processes'

const postgres = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://waypoint@db.example/waypoint' }

describe('planWebProcesses', () => {
  test('production on PostgreSQL runs one process per CPU, the first running the jobs', () => {
    expect(planWebProcesses(postgres, 4)).toEqual({ processes: 4, jobsIn: 1 })
  })

  test('WEB_CONCURRENCY sets the number of processes', () => {
    expect(planWebProcesses({ ...postgres, WEB_CONCURRENCY: '2' }, 8)).toEqual({ processes: 2, jobsIn: 1 })
    expect(planWebProcesses({ ...postgres, WEB_CONCURRENCY: '1' }, 8)).toEqual({ processes: 1, jobsIn: 1 })
  })

  test('no web process runs the jobs when `npm run worker` does (BACKGROUND_JOBS=off)', () => {
    expect(planWebProcesses({ ...postgres, BACKGROUND_JOBS: 'off' }, 2)).toEqual({ processes: 2, jobsIn: null })
  })

  test('the embedded database stays one process whatever WEB_CONCURRENCY says', () => {
    expect(planWebProcesses({ NODE_ENV: 'production', WEB_CONCURRENCY: '4' }, 4)).toEqual({ processes: 1, jobsIn: 1 })
  })

  test('the development server stays one process', () => {
    expect(planWebProcesses({ ...postgres, NODE_ENV: 'development' }, 4).processes).toBe(1)
    expect(planWebProcesses({ DATABASE_URL: postgres.DATABASE_URL }, 4).processes).toBe(1)
  })

  test('a WEB_CONCURRENCY that is not a whole number of processes stops the server', () => {
    for (const bad of ['0', '-1', '1.5', 'two', 'auto']) {
      expect(() => planWebProcesses({ ...postgres, WEB_CONCURRENCY: bad }, 2)).toThrow(/WEB_CONCURRENCY/)
    }
  })
})

describe('webProcessEnv', () => {
  test('only the jobs process keeps the background jobs', () => {
    const plan = planWebProcesses({ ...postgres, WEB_CONCURRENCY: '3' }, 2)
    expect([1, 2, 3].map((slot) => webProcessEnv(plan, slot).BACKGROUND_JOBS)).toEqual(['in-process', 'off', 'off'])
  })

  test('with the jobs in `npm run worker`, every web process has them off', () => {
    const plan = planWebProcesses({ ...postgres, BACKGROUND_JOBS: 'off' }, 3)
    expect([1, 2, 3].map((slot) => webProcessEnv(plan, slot).BACKGROUND_JOBS)).toEqual(['off', 'off', 'off'])
  })
})
