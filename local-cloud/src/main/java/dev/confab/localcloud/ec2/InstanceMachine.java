package dev.confab.localcloud.ec2;

/**
 * What runs on an instance: the Conferencing Node behind it. The endpoint powers it on when the
 * instance is started (pending) and off when it is stopped (stopping); the instance is running, or
 * stopped, only once the call has returned. Calls come from one thread of the endpoint, never two
 * at once for the same machine.
 */
public interface InstanceMachine {

    /** A machine with nothing on it. */
    InstanceMachine NONE = new InstanceMachine() {
        @Override
        public void powerOn() {
        }

        @Override
        public void powerOff() {
        }
    };

    /** Starts what runs on the instance; an exception leaves the instance stopped. */
    void powerOn() throws Exception;

    /** Stops it, returning once it has stopped. */
    void powerOff() throws Exception;
}
