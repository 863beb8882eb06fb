-- db-scheduler's table on the embedded demo database (H2's TEXT is a CLOB, which cannot be a key: VARCHAR).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(200)             NOT NULL,
    task_instance        VARCHAR(200)             NOT NULL,
    task_data            VARBINARY,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
