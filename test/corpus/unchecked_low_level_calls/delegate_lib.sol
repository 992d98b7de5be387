pragma solidity 0.4.24;

contract Proxy {
    address public lib;
    address public owner = msg.sender;

    function setLib(address l) public {
        require(msg.sender == owner);
        lib = l;
    }

    function () public payable {
        lib.delegatecall(msg.data); // @vulnerable: unchecked_low_level_calls
    }
}
