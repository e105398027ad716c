// Where the services other modules implement are plugged into the runtime: credentials
// (lib/credentials), human tasks with their cancel extension (lib/tasks) and notifications
// (lib/notifications). A worker started without them (tests) gets ServiceProviders of its own.
import { credentialsProvider } from "@/lib/credentials/runtime";
import { secretsProvider } from "@/lib/variables/fill-secrets";
import { notificationsService } from "@/lib/notifications/send";
import { tasksService } from "@/lib/tasks/create";
import type { ServiceProviders } from "./step-services";

export const serviceProviders: ServiceProviders = {
  credentials: credentialsProvider,
  secrets: secretsProvider,
  tasks: tasksService,
  notifications: notificationsService,
};
