// expect: may have additional unknown values
// EventKit's enums are not frozen: a later iOS may add a case, so a switch
// without `@unknown default` must be refused.
import EventKit

func isBusy(_ availability: EKEventAvailability) -> Bool {
    switch availability {
    case .notSupported, .busy, .unavailable: return true
    case .free, .tentative: return false
    }
}
