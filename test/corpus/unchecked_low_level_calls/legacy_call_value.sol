pragma solidity 0.4.24;

contract Owned {
    address public owner = msg.sender;

    function withdraw(uint amount) public {
        require(msg.sender == owner);
        owner.call.value(amount)(); // @vulnerable: unchecked_low_level_calls
    }
}
