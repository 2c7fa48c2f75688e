-- Labels a run asks its agent to have (wharf run --server … --agent-label k=v): each as ";k=v;"
-- with key and value URL-encoded, sorted, so that a claim can strike out the agent's labels and
-- see whether anything the run asks for is left. Empty: any agent of the pool.
ALTER TABLE runs ADD COLUMN agent_labels VARCHAR(4000) NOT NULL DEFAULT '';
