/*
 * The progress of commits running in this process, per administrator, for the page's progress
 * bar to poll while the commit's transaction (invisible to other connections until it ends) runs.
 * The finished run's counts are in `imports`.
 */

type Progress = { done: number; total: number };

const running = new Map<number, Progress>();

export const importProgress = {
  start(actorId: number, total: number) {
    const progress: Progress = { done: 0, total };
    running.set(actorId, progress);
    return {
      step: () => {
        progress.done += 1;
      },
      finish: () => {
        if (running.get(actorId) === progress) running.delete(actorId);
      },
    };
  },
  of(actorId: number): Progress | undefined {
    return running.get(actorId);
  },
};
