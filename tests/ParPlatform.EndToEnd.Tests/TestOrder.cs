// Each test class here starts a whole platform (six services, PostgreSQL, RabbitMQ, the gateway, the web app) or runs
// ./build.sh run; two starting at once on the two cores of the machine took over the four minutes a start may take.
// One at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
