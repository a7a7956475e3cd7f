package sample;

import io.pra.events.backup.BackupCompleted;

class Publisher {
    Object event = new BackupCompleted(site);
    // Not imported from the events module: its own class of the same name publishes nothing.
    Object other = new SiteDown(site);
}
