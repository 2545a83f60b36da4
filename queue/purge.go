package queue

import (
	"errors"
	"fmt"
	"slices"

	"github.com/hibiken/asynq"
)

// Purge deletes a queue and every task in it. asynq's DeleteQueue leaves
// completed tasks behind, and their IDs would keep blocking the same
// idempotency keys, so they go first.
func Purge(in *asynq.Inspector, queue string) error {
	queues, err := in.Queues()
	if err != nil {
		return fmt.Errorf("listing queues: %w", err)
	}
	if !slices.Contains(queues, queue) {
		return nil
	}
	deletes := []func(string) (int, error){
		in.DeleteAllCompletedTasks, in.DeleteAllPendingTasks, in.DeleteAllScheduledTasks,
		in.DeleteAllRetryTasks, in.DeleteAllArchivedTasks,
	}
	for _, del := range deletes {
		if _, err := del(queue); err != nil {
			return fmt.Errorf("purging queue %q: %w", queue, err)
		}
	}
	if err := in.DeleteQueue(queue, true); err != nil && !errors.Is(err, asynq.ErrQueueNotFound) {
		return fmt.Errorf("deleting queue %q: %w", queue, err)
	}
	return nil
}
